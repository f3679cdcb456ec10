package org.gongkai.powers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the power list: the public's current items, an item's history, an agency's change log, the comparison
 * across levels, and the console's views limited to the agencies an actor may see (a supervisor: the subtree).
 */
@Service
@Transactional(readOnly = true)
public class PowerQueries {

	private final PowerItems items;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	PowerQueries(PowerItems items, AgencyDirectory agencies, AgencyAccess access) {
		this.items = items;
		this.agencies = agencies;
		this.access = access;
	}

	public List<PowerType> types() {
		return items.types();
	}

	public List<PowerType> activeTypes() {
		return items.types().stream().filter(PowerType::active).toList();
	}

	/** Type code → type, of every type (inactive ones too, for items that keep them). */
	public Map<String, PowerType> typesByCode() {
		return items.types().stream().collect(Collectors.toMap(PowerType::code, Function.identity()));
	}

	PowerItems.Page<PowerItem> currentPage(Long agencyId, String typeCode, String query, int page, int size) {
		return items.currentPage(agencyId, typeCode, query, page, size);
	}

	/** An item for the public: current or removed, with its history public either way. */
	public Optional<PowerItem> publicItem(long id) {
		return items.find(id).filter(i -> agencies.findById(i.agencyId()).map(Agency::active).orElse(false));
	}

	public List<PowerVersion> history(long itemId) {
		return items.versions(itemId);
	}

	PowerItems.Page<PowerVersion> changes(long agencyId, int page, int size) {
		return items.changes(agencyId, page, size);
	}

	public List<PowerItem> ofAgency(long agencyId, boolean currentOnly) {
		return items.ofAgency(agencyId, currentOnly);
	}

	/**
	 * The items with the same code in agencies at other levels than the item's own, each with the fields that differ
	 * from the item's: name, type, basis (compared after trimming and ignoring inner whitespace).
	 */
	public PowerComparison compare(PowerItem item) {
		Agency own = agencies.requireById(item.agencyId());
		List<PowerComparison.Row> rows = new ArrayList<>();
		for (PowerItem other : items.sameCodeElsewhere(item.code(), item.agencyId())) {
			Agency a = agencies.findById(other.agencyId()).orElse(null);
			if (a == null || !a.active() || other.details().level() == item.details().level()) {
				continue;
			}
			rows.add(new PowerComparison.Row(other, a, !same(item.name(), other.name()),
					!Objects.equals(item.details().typeCode(), other.details().typeCode()),
					!same(item.details().basis(), other.details().basis())));
		}
		rows.sort((x, y) -> Integer.compare(x.item().details().level().ordinal(), y.item().details().level().ordinal()));
		return new PowerComparison(item, own, rows);
	}

	private static boolean same(String a, String b) {
		return squeeze(a).equals(squeeze(b));
	}

	private static String squeeze(String s) {
		return s == null ? "" : s.replaceAll("\\s+", "");
	}

	// ---- staff --------------------------------------------------------------------------------------------

	/** The agencies whose lists the actor may see in the console. */
	public List<Agency> visibleAgencies(Actor actor) {
		return access.visibleAgencies(actor);
	}

	/** An item for staff who may see its agency; 404 otherwise. */
	public PowerItem staffItem(long id) {
		PowerItem item = items.find(id).orElseThrow(() -> DomainException.notFound("该权责清单事项不存在"));
		requireVisible(item.agencyId());
		return item;
	}

	/** Throws 403 unless the actor keeps the agency's lists (its editor or administrator). */
	public void requireKeeper(long agencyId) {
		access.require(agencyId, PowerManagement.KEEPERS);
	}

	/** Throws 403 unless the actor may see the agency's lists. */
	public void requireVisible(long agencyId) {
		Actor actor = Actors.require();
		if (!access.allows(actor, agencyId, org.gongkai.platform.Role.values())) {
			throw DomainException.forbidden("您没有查看该单位清单的权限");
		}
	}
}
