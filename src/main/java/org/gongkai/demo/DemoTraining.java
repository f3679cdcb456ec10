package org.gongkai.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.identity.StaffDirectory;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.oversight.TrainingAudience;
import org.gongkai.oversight.TrainingExamManagement;
import org.gongkai.oversight.TrainingManagement;
import org.gongkai.oversight.TrainingMethod;
import org.gongkai.oversight.TrainingPlan;
import org.gongkai.oversight.TrainingQueries;
import org.gongkai.oversight.TrainingSession;
import org.gongkai.platform.Actors;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * The training of the 沂源县农业农村局 for the current year, after its 2021 plan (seed 000): two sessions a year, the
 * first half on the laws and policies (the 《条例》 and the bureau's implementation plan), mainly in central sessions
 * with self-study beside them; the second on the content, procedure, form, timing and supervision of disclosure with
 * a forum on the hard cases of disclosure on request. The first session is recorded as held with the bureau's staff
 * and a test drawn from the bank. Does nothing when the plan is there.
 */
@Component
public class DemoTraining {

	static final String AGENCY = "yiyuan-nyj";

	private final AgencyDirectory agencies;

	private final TrainingManagement training;

	private final TrainingExamManagement exams;

	private final TrainingQueries queries;

	private final StaffDirectory staff;

	private final Clock clock;

	DemoTraining(AgencyDirectory agencies, TrainingManagement training, TrainingExamManagement exams, TrainingQueries queries,
			StaffDirectory staff, Clock clock) {
		this.agencies = agencies;
		this.training = training;
		this.exams = exams;
		this.queries = queries;
		this.staff = staff;
		this.clock = clock;
	}

	public void seed() {
		Actors.runAsSystem(() -> {
			Agency nyj = agencies.findByCode(AGENCY).orElse(null);
			if (nyj == null) {
				return;
			}
			LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
			int year = today.getYear();
			if (queries.plan(nyj.id(), year).isPresent()) {
				return;
			}
			TrainingPlan plan = training.savePlan(nyj.id(), year, new TrainingManagement.PlanInput(nyj.name() + year + "年度政务公开培训计划", 2,
					"按照“统一要求，自行组织”的原则，在集中培训的前提下，由局办公室组织业务培训。采取集中为主、自主学习为辅的方式，进行普遍的全员培训。"
							+ "本年度计划安排2次学习培训，上半年以学习法规政策为主，主要学习《中华人民共和国政府信息公开条例》和本局年度政务公开实施方案；"
							+ "下半年加强对政务公开的内容、程序、方式、时间及监督管理等工作的培训，并通过座谈会研讨交流依申请公开工作中遇到的热点、难点问题。"));
			TrainingPlan.Item first = training.addItem(plan.id(), new TrainingManagement.ItemInput(6,
					"《中华人民共和国政府信息公开条例》和本局年度政务公开实施方案",
					List.of(TrainingAudience.LEADERS, TrainingAudience.SECTION_HEADS, TrainingAudience.STAFF), TrainingMethod.MEETING,
					"局机关全体干部职工"));
			training.addItem(plan.id(), new TrainingManagement.ItemInput(12, "政务公开的内容、程序、方式、时间及监督管理；依申请公开热点难点座谈研讨",
					List.of(TrainingAudience.OFFICE_HEADS, TrainingAudience.SECTION_HEADS, TrainingAudience.STAFF), TrainingMethod.GROUP_STUDY,
					"局办公室、各科室负责人和信息员"));
			LocalDate planned = LocalDate.of(year, 6, 18);
			LocalDate heldOn = today.isBefore(planned) ? today : planned;
			List<TrainingManagement.StaffPresence> presence = new ArrayList<>();
			for (StaffDirectory.Member m : staff.accountsOf(nyj.id())) {
				presence.add(new TrainingManagement.StaffPresence(m.accountId(), TrainingManagement.Presence.PRESENT, null));
			}
			TrainingSession session = training.recordSession(nyj.id(), new TrainingManagement.SessionInput(first.id(), heldOn, first.topic(),
					"局办公室主任", "局三楼会议室", TrainingMethod.MEETING,
					"分管负责人主持，局办公室解读2019年修订的《条例》关于主动公开20个工作日、依申请公开答复期限和补正的规定，通报本局政务公开实施方案的任务分工。",
					presence, List.of("县农业技术推广中心信息员", "县畜牧兽医事业发展中心信息员")));
			exams.build(session.id(), new TrainingExamManagement.ExamInput("《条例》学习测试", TrainingExamManagement.Selection.RANDOM, 10, null,
					2021L, List.of(), null, 2, 30, null));
		});
	}
}
