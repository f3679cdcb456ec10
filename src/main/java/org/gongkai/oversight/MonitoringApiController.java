package org.gongkai.oversight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Texts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/oversight?agency=}: an agency's automatic inspection of today (score, verdict, every
 * indicator with its state and points, every figure with the records behind it) for other systems — a city's or a
 * province's monitoring platform, a new-media dashboard. Staff who may read the agency's monitoring (session or
 * Basic), or an integration token with scope {@code reports} of the agency or of an agency above it; never public.
 */
@RestController
@Tag(name = "Oversight", description = "公开监测")
class MonitoringApiController {

	private final MonitoringScores scores;

	private final MonitoringFigures figures;

	private final AgencyDirectory agencies;

	MonitoringApiController(MonitoringScores scores, MonitoringFigures figures, AgencyDirectory agencies) {
		this.scores = scores;
		this.figures = figures;
		this.agencies = agencies;
	}

	@GetMapping("/api/v1/reports/oversight")
	@Operation(summary = "公开监测：单位当日得分、结论、各项指标（单项否决、预警、扣分）及各项数据和所涉记录")
	Map<String, Object> oversight(@RequestParam(required = false) String agency) {
		String code = Texts.trimToNull(agency);
		if (code == null) {
			throw InvalidInputException.of("agency", "请提供单位代码 agency");
		}
		Agency a = agencies.findByCode(code)
			.orElseThrow(() -> DomainException.notFound("没有代码为“" + code + "”的单位"));
		MonitoringScore score = scores.score(a.id());
		Map<String, OversightFigure> values = scores.figures(a.id());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("agency", a.code());
		out.put("agencyName", a.name());
		out.put("on", score.on().toString());
		out.put("score", score.score());
		out.put("deductionScore", score.deductionScore());
		out.put("bonus", score.bonus());
		out.put("vetoed", score.vetoed());
		out.put("passed", score.passed());
		out.put("verdict", score.verdict());
		List<Map<String, Object>> indicators = new ArrayList<>();
		for (IndicatorResult r : score.results()) {
			Map<String, Object> i = new LinkedHashMap<>();
			i.put("code", r.code());
			i.put("name", r.name());
			i.put("figure", r.figureKey());
			i.put("rule", r.ruleType().name());
			i.put("value", r.value());
			i.put("soon", r.soon());
			i.put("state", r.state().name());
			i.put("points", r.points());
			i.put("confirmed", r.confirmed());
			i.put("message", r.message());
			indicators.add(i);
		}
		out.put("indicators", indicators);
		Map<String, Object> byKey = new LinkedHashMap<>();
		for (FigureDefinition d : figures.definitions()) {
			OversightFigure f = values.get(d.key());
			if (f == null) {
				continue;
			}
			Map<String, Object> v = new LinkedHashMap<>();
			v.put("label", d.label());
			v.put("unit", d.unit());
			v.put("value", f.value());
			v.put("soon", f.soon());
			List<Map<String, Object>> records = new ArrayList<>();
			for (CountedRecord c : f.records()) {
				Map<String, Object> rec = new LinkedHashMap<>();
				rec.put("reference", c.reference());
				rec.put("title", c.title());
				rec.put("date", c.date() == null ? null : c.date().toString());
				records.add(rec);
			}
			v.put("records", records);
			byKey.put(d.key(), v);
		}
		out.put("figures", byKey);
		return out;
	}
}
