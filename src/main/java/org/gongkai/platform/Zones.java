package org.gongkai.platform;

import java.time.ZoneId;

/** Legal dates are local dates in China Standard Time; instants are stored in UTC. */
public final class Zones {

	/** The zone in which every legal date (收到之日, 成文日期, 发布日期 …) is read. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private Zones() {
	}
}
