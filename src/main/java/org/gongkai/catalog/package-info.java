/**
 * The disclosure catalogue: each agency's column tree (公开指南, 公开制度, 法定主动公开内容 seeded from
 * Arts. 20–21, the 五公开 tree, key areas, the 26 基层 areas' standard entries, 年度报告), the 22
 * 主题分类 themes, the 15 公文种类 and the computable time limits of catalogue entries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = { "platform", "organisation", "calendar" })
package org.gongkai.catalog;
