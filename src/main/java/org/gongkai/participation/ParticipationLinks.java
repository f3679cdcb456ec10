package org.gongkai.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gongkai.platform.InvalidInputException;
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

	ParticipationLinks(ObjectProvider<ParticipationKind> kinds) {
		this.kinds = kinds;
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
	 * A reference typed by staff into field {@code field}: the record must exist. Records of any agency may be referred
	 * to (a county meeting decides on a department's consultation).
	 *
	 * @throws InvalidInputException naming the field when the kind is unknown or the record does not exist
	 */
	ParticipationLink require(String field, String kind, long id) {
		return find(kind, id).orElseThrow(() -> InvalidInputException.of(field, "所选的关联事项不存在"));
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
