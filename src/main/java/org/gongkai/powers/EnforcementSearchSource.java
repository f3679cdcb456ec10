package org.gongkai.powers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enforcement decisions (执法公示) for the site search, read through {@link DecisionQueries#publicDecision} and shown
 * as the decision's public page shows them: a natural person's name masked ({@link Decision#publicPartyName}), the ID
 * number masked ({@link EnforcementRules#maskIdNumber}) and every text as published ({@link EnforcementRules#publicText}).
 * A withdrawn decision is represented by its public notice of withdrawal alone, as on the portal.
 */
@Component
@Transactional(readOnly = true)
class EnforcementSearchSource implements SearchSource {

	static final String KIND = "enforcement";

	private final DecisionQueries queries;

	private final AgencyDirectory agencies;

	EnforcementSearchSource(DecisionQueries queries, AgencyDirectory agencies) {
		this.queries = queries;
		this.agencies = agencies;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "执法公示";
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicDecision(id).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (long[] d : queries.publicIds()) {
			publicEntry(d[0]).ifPresent(sink);
		}
	}

	private SearchEntry entry(Decision d) {
		Agency agency = agencies.requireById(d.agencyId());
		boolean withdrawn = d.status() == DecisionStatus.WITHDRAWN;
		String heading = d.kind().label() + "决定 " + d.decisionNumber();
		List<String> parts = new ArrayList<>();
		if (withdrawn) {
			parts.add("本决定已于 " + d.changedOn() + " " + d.changeKind().label() + "，原公示内容已于 " + d.withdrawnOn()
					+ " 撤回（《中华人民共和国行政处罚法》第四十八条）。");
			parts.add("理由：" + nullToEmpty(EnforcementRules.publicText(d, d.changeReason())));
		}
		// the labelled facts of the page, in its order; a withdrawn decision shows none beyond its notice
		parts.add("执法机关：" + agency.name());
		parts.add(d.kind().numberLabel() + "：" + d.decisionNumber());
		parts.add("行政相对人：" + d.publicPartyName() + "（" + d.partyType().label() + "）");
		if (d.partyType() == DecisionPartyType.NATURAL_PERSON) {
			if (d.partyIdNumber() != null) {
				parts.add("身份证号码：" + EnforcementRules.maskIdNumber(d.partyIdNumber()));
			}
		}
		else if (d.partyCreditCode() != null) {
			parts.add("统一社会信用代码：" + d.partyCreditCode());
		}
		parts.add("决定日期：" + d.decidedOn());
		if (!withdrawn) {
			if (d.category() != null) {
				parts.add(d.kind().categoryLabel() + "：" + EnforcementRules.publicText(d, d.category()));
			}
			parts.add(d.kind().contentLabel() + "：" + nullToEmpty(EnforcementRules.publicText(d, d.content())));
			if (d.amountYuan() != null) {
				parts.add("罚没金额（元）：" + d.amountYuan().toPlainString());
			}
			if (d.validUntil() != null) {
				parts.add("有效期至：" + d.validUntil());
			}
			parts.add("依据：" + nullToEmpty(EnforcementRules.publicText(d, d.basis())));
			parts.add("公示日期：" + d.publishedOn());
		}
		String keywords = d.decisionNumber() + (d.partyType() != DecisionPartyType.NATURAL_PERSON && d.partyCreditCode() != null
				? " " + d.partyCreditCode() : "");
		return new SearchEntry(KIND, d.id(), d.agencyId(), EnforcementPaths.item(agency, d.id()),
				(withdrawn ? "撤回公示说明：" : "") + heading, SearchEntry.lines(parts), null,
				withdrawn && d.withdrawnOn() != null ? d.withdrawnOn() : d.publishedOn(), null, keywords, withdrawn);
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
