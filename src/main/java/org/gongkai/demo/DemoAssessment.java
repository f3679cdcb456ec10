package org.gongkai.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.oversight.AssessmentManagement;
import org.gongkai.oversight.AssessmentTemplates;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo county's assessment schemes: both shipped templates (涞源县2023年政务公开考核评分细则 and 2020年泉州市鲤城区政务公开
 * 指数绩效考评标准表) installed as 沂源县's schemes for the current year, for gkb to edit and run. Installs only a template
 * not yet installed for the year, so calling {@link #seed} again does nothing.
 */
@Component
public class DemoAssessment {

	private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

	private final AssessmentManagement assessments;

	private final AssessmentTemplates templates;

	private final AgencyDirectory agencies;

	private final Clock clock;

	DemoAssessment(AssessmentManagement assessments, AssessmentTemplates templates, AgencyDirectory agencies, Clock clock) {
		this.assessments = assessments;
		this.templates = templates;
		this.agencies = agencies;
		this.clock = clock;
	}

	/** Installs the missing templates as the county's schemes of the current year. */
	public void seed() {
		Actors.runAsSystem(() -> {
			long county = agencies.requireByCode("yiyuan").id();
			int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
			Actor system = Actors.require();
			for (AssessmentTemplates.Template t : templates.all()) {
				boolean present = assessments.schemes(system)
					.stream()
					.anyMatch(s -> s.ownerAgencyId() == county && s.year() == year && t.code().equals(s.templateCode()));
				if (!present) {
					assessments.installTemplate(county, t.code(), year,
							"沂源县" + year + "年度政务公开考核（参照" + t.name() + "）");
					log.info("Demo assessment scheme installed from the template {}", t.code());
				}
			}
		});
	}
}
