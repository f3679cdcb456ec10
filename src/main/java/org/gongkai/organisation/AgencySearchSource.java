package org.gongkai.organisation;

import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * Agencies (机构) for the site search: every agency with a public page, that is not abolished. The text is what its
 * page and its disclosure guide show: functions, the disclosure office (name, address, postcode, office hours, phone,
 * fax, e-mail, website, supervision phone, the leader in charge and the division of work) and the disclosure staff.
 */
@Component
class AgencySearchSource implements SearchSource {

	static final String KIND = "agency";

	private final AgencyDirectory directory;

	AgencySearchSource(AgencyDirectory directory) {
		this.directory = directory;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "机构";
	}

	@Override
	public int order() {
		return 90;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return directory.findById(id).filter(Agency::active).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		directory.active().forEach(a -> sink.accept(entry(a)));
	}

	private SearchEntry entry(Agency agency) {
		StringJoiner body = new StringJoiner(" ");
		add(body, agency.functions());
		DisclosureOffice o = directory.office(agency.id());
		add(body, o.name() == null ? null : "政府信息公开工作机构：" + o.name());
		add(body, o.address() == null ? null : "办公地址：" + o.address());
		add(body, o.postcode() == null ? null : "邮政编码：" + o.postcode());
		add(body, o.officeHours() == null ? null : "办公时间：" + o.officeHours());
		add(body, o.phone() == null ? null : "联系电话：" + o.phone());
		add(body, o.fax() == null ? null : "传真：" + o.fax());
		add(body, o.email() == null ? null : "电子邮箱：" + o.email());
		add(body, o.website() == null ? null : "网站：" + o.website());
		add(body, o.supervisionPhone() == null ? null : "监督电话：" + o.supervisionPhone());
		add(body, o.principalName() == null ? null : "主要负责人：" + o.principalName());
		add(body, o.leaderName() == null ? null
				: "分管负责人：" + o.leaderName() + (o.leaderTitle() == null ? "" : "（" + o.leaderTitle() + "）"));
		add(body, o.divisionOfWork());
		for (DisclosureContact c : directory.contacts(agency.id())) {
			StringJoiner contact = new StringJoiner(" ");
			add(contact, c.name());
			add(contact, c.position());
			add(contact, c.phone());
			add(contact, c.email());
			add(contact, c.duties());
			add(body, contact.toString());
		}
		StringJoiner keywords = new StringJoiner(" ");
		add(keywords, agency.shortName());
		add(keywords, agency.code());
		add(keywords, agency.creditCode());
		add(keywords, agency.level().label());
		java.time.LocalDate date = o.updatedOn() != null ? o.updatedOn()
				: agency.updatedAt().atZone(Zones.CHINA).toLocalDate();
		return new SearchEntry(KIND, agency.id(), agency.id(), "/agencies/" + agency.code() + "/", agency.name(),
				body.toString(), "", date, null, keywords.toString(), false);
	}

	private static void add(StringJoiner joiner, String text) {
		if (text != null && !text.isBlank()) {
			joiner.add(text.trim());
		}
	}
}
