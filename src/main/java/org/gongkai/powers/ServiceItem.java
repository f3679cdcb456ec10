package org.gongkai.powers;

import java.time.Instant;

/**
 * An item of one of an agency's service lists: a public service (公共服务事项), an intermediary service (中介服务事项), a
 * fee (收费目录: name, basis, standard, charging unit) or a certification item (证明事项: name, basis, issuing body).
 *
 * @param body the implementing body of a service, or the issuing body of a certification
 * @param feeStandard a fee's standard (收费标准)
 * @param chargingUnit a fee's charging unit (计费单位)
 */
public record ServiceItem(long id, long agencyId, ServiceKind kind, String name, String basis, String body,
		String feeStandard, String chargingUnit, String note, Instant createdAt, Instant updatedAt) {
}
