package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place where a participation record refers to a record of another kind: resolving a stored (kind, id)
 * reference, checking one typed by staff, and finding what refers to a record. Every kind registers itself by
 * implementing {@link ParticipationKind}.
 */
@Component
class ParticipationLinks {

	private final ObjectProvider<ParticipationKind> kinds;

	private final AgencyAccess access;

	ParticipationLinks(ObjectProvider<ParticipationKind> kinds, AgencyAccess access) {
		this.kinds = kinds;
		this.access = access;
	}

	/** Every kind, in the column's order. */
	List<ParticipationKind> kinds() {
		return kinds.orderedStream().toList();
	}

	Optional<ParticipationKind> kind(String key) {
		return kinds.orderedStream().filter(k -> k.kind().equals(key)).findFirst();
	}

	/** A stored reference, resolved; empty when the kind or the record no longer exists. */
	Optional<ParticipationLink> find(String kind, long id) {
		return kind(kind).flatMap(k -> k.find(id));
	}

	/** A stored reference as the public may see it: empty unless the record is public now. */
	Optional<ParticipationLink> findPublic(String kind, long id) {
		return find(kind, id).filter(ParticipationLink::isPublic);
	}

	/**
	 * A stored reference as the current staff member may see it: a public record, or one of an agency whose records the
	 * actor may see in the console (any role there, a supervisor's subtree, or an integration token of that agency).
	 * Another agency's unpublished record stays unknown, so its title cannot be read through a reference.
	 */
	Optional<ParticipationLink> findVisible(String kind, long id) {
		Actor actor = Actors.current().orElse(null);
		return find(kind, id).filter(l -> l.isPublic() || (actor != null && mayRead(actor, l)));
	}

	/**
	 * A reference typed by staff into field {@code field}: the record must exist and be visible to the current actor
	 * ({@link #findVisible}). Records of other agencies may be referred to once public (a county meeting decides on a
	 * department's consultation).
	 *
	 * @throws InvalidInputException naming the field when the kind is unknown or the record does not exist for the actor
	 */
	ParticipationLink require(String field, String kind, long id) {
		return findVisible(kind, id).orElseThrow(() -> InvalidInputException.of(field, "所选的关联事项不存在"));
	}

	private boolean mayRead(Actor actor, ParticipationLink link) {
		if (actor.token()) {
			return actor.agencyId() != null && actor.agencyId() == link.agencyId();
		}
		return access.allows(actor, link.agencyId(), Role.values());
	}

	/** Every record of any kind that refers to the given record, public or not, in the column's order of kinds. */
	List<ParticipationLink> referencing(String kind, long id) {
		List<ParticipationLink> all = new ArrayList<>();
		kinds.orderedStream().forEach(k -> all.addAll(k.referencing(kind, id)));
		return List.copyOf(all);
	}

	/** What refers to the given record and is public now. */
	List<ParticipationLink> referencingPublic(String kind, long id) {
		return referencing(kind, id).stream().filter(ParticipationLink::isPublic).toList();
	}
}
