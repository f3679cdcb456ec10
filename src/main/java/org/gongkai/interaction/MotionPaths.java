package org.gongkai.interaction;

/** The public addresses of suggestions and proposals (建议提案办理). */
final class MotionPaths {

	private MotionPaths() {
	}

	static String list() {
		return "/interaction/motions/";
	}

	static String item(long id) {
		return "/interaction/motions/" + id + "/";
	}

	static String feed() {
		return "/interaction/motions/feed.atom";
	}

	static String statistics() {
		return "/interaction/motions/statistics";
	}
}
