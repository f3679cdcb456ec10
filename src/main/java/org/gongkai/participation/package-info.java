/**
 * Major decisions and public participation (公众参与, issue 6): the yearly major-decision catalogue (重大行政决策事项目录)
 * with the statutory procedure stages of each decision (《重大行政决策程序暂行条例》); consultations on drafts
 * (征求意见 / 决策预公开) with public comments, moderation and the published adoption feedback (意见收集和采纳情况);
 * polls (民意调查) with one answer per person; open meetings (会议公开) with public agenda items, attendance
 * applications and the decided items (议定事项). The kinds of record refer to each other through
 * {@link org.gongkai.participation.ParticipationLinks}, and the 公众参与 column gathers them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Major decisions and public participation",
		allowedDependencies = { "platform", "organisation", "calendar" })
package org.gongkai.participation;
