package org.gongkai.oversight;

import java.time.LocalDate;

/**
 * How often a column must be updated (国办秘函〔2019〕19号 栏目不更新; 开普云 监测 基本信息): 「监测时间点前2周内，动态、要闻类信息」,
 * 「前6个月内，通知公告、政策文件类信息」, 「前1年内，人事、规划计划类信息」. {@link #FIXED} columns (guides, the on-request
 * catalogue, standing content) have no window. The warning lead marks columns that will cross their window soon (news 10 days, notices and
 * policies 5 months, personnel and plans 11 months without update).
 */
public enum ColumnWindowClass {

	NEWS("动态要闻类（2周）", 0, 14, 0, 10),
	NOTICE_POLICY("通知公告、政策文件类（6个月）", 6, 0, 5, 0),
	PERSONNEL_PLAN("人事、规划计划类（1年）", 12, 0, 11, 0),
	FIXED("无更新周期", 0, 0, 0, 0);

	private final String label;

	private final int months;

	private final int days;

	private final int soonMonths;

	private final int soonDays;

	ColumnWindowClass(String label, int months, int days, int soonMonths, int soonDays) {
		this.label = label;
		this.months = months;
		this.days = days;
		this.soonMonths = soonMonths;
		this.soonDays = soonDays;
	}

	public String label() {
		return label;
	}

	public boolean hasWindow() {
		return this != FIXED;
	}

	/** The first day a column last updated on {@code lastPublished} is stale on: past its whole window. */
	public LocalDate staleFrom(LocalDate lastPublished) {
		return lastPublished.plusMonths(months).plusDays(days).plusDays(1);
	}

	/** Stale on {@code on}: not updated within the window counted back from {@code on}. */
	public boolean isStale(LocalDate lastPublished, LocalDate on) {
		return hasWindow() && !on.isBefore(staleFrom(lastPublished));
	}

	/**
	 * Not stale yet, but within the warning lead: news columns not updated for 10 days or more, notices and policies
	 * for 5 months or more, personnel and plans for 11 months or more.
	 */
	public boolean isSoonStale(LocalDate lastPublished, LocalDate on) {
		return hasWindow() && !isStale(lastPublished, on)
				&& !on.isBefore(lastPublished.plusMonths(soonMonths).plusDays(soonDays));
	}

	/**
	 * The default class from a node's title and code: 动态、要闻 → news; 通知公告、政策文件、规范性文件、政策解读 → notices and
	 * policies; 人事、规划、计划 → personnel and plans; everything else has no window.
	 */
	public static ColumnWindowClass defaultFor(String title, String code) {
		String t = title == null ? "" : title;
		String c = code == null ? "" : code.toLowerCase();
		if (t.contains("动态") || t.contains("要闻") || c.contains("news")) {
			return NEWS;
		}
		if (t.contains("通知公告") || t.contains("公告") || t.contains("政策文件") || t.contains("规范性文件")
				|| t.contains("政策解读") || c.contains("notice") || c.contains("policy")) {
			return NOTICE_POLICY;
		}
		if (t.contains("人事") || t.contains("规划") || t.contains("计划") || c.contains("personnel")
				|| c.contains("plan")) {
			return PERSONNEL_PLAN;
		}
		return FIXED;
	}
}
