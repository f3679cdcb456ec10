package org.gongkai.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.gongkai.oversight.MonitoringScores;

import org.springframework.stereotype.Component;

/**
 * The oversight part of the demo county, after its year of activity: the county's work plan from seed 003 with claims,
 * an overdue task and a closed one (DemoWorkPlan), the 农业农村局's training plan of seed 000 with a session and a test
 * (DemoTraining), and the two county assessment schemes installed for the year (DemoAssessment); then the automatic
 * inspection is computed once for every agency, so the monitoring pages show figures before the first daily sweep.
 * Each part is idempotent and independent: one that fails is logged and leaves the others and the county usable.
 */
@Component
class DemoOversight {

	private static final Logger log = LoggerFactory.getLogger(DemoOversight.class);

	private final DemoWorkPlan workPlan;

	private final DemoTraining training;

	private final DemoAssessment assessment;

	private final MonitoringScores monitoring;

	DemoOversight(DemoWorkPlan workPlan, DemoTraining training, DemoAssessment assessment,
			MonitoringScores monitoring) {
		this.workPlan = workPlan;
		this.training = training;
		this.assessment = assessment;
		this.monitoring = monitoring;
	}

	void seed() {
		run("work plan", workPlan::seed);
		run("training", training::seed);
		run("assessment schemes", assessment::seed);
		run("monitoring", () -> log.info("Demo monitoring computed for {} agencies", monitoring.sweepAll()));
	}

	private static void run(String part, Runnable seed) {
		try {
			seed.run();
		}
		catch (RuntimeException e) {
			log.warn("The demo's oversight {} could not be seeded: {}", part, e.toString());
		}
	}
}
