package org.gongkai.portal;

import java.util.List;
import java.util.Optional;

/**
 * The four level-one entries every agency's 政府信息公开 column must have (国办公开办函〔2019〕61号:
 * 「统一名称、统一格式」; domain-rules.md §4.1), with the page tag {@code ColumnType} each carries.
 */
enum AgencyColumn {

	GUIDE("guide", "政府信息公开指南", "信息公开指南", "政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等（条例第十二条）"),
	RULES("rules", "政府信息公开制度", "信息公开目录", "本机关政府信息公开工作的规章制度"),
	STATUTORY("statutory", "法定主动公开内容", "信息公开目录", "依照条例第十九条至第二十一条应当主动公开的政府信息"),
	ANNUAL_REPORTS("annual-reports", "政府信息公开工作年度报告", "信息公开年报", "本机关每年1月31日前公布的上一年度政府信息公开工作年度报告（条例第四十九条）");

	private final String slug;

	private final String title;

	private final String columnType;

	private final String description;

	AgencyColumn(String slug, String title, String columnType, String description) {
		this.slug = slug;
		this.title = title;
		this.columnType = columnType;
		this.description = description;
	}

	public String slug() {
		return slug;
	}

	public String title() {
		return title;
	}

	public String columnType() {
		return columnType;
	}

	public String description() {
		return description;
	}

	static Optional<AgencyColumn> bySlug(String slug) {
		return List.of(values()).stream().filter(c -> c.slug.equals(slug)).findFirst();
	}
}
