package org.gongkai.participation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff export of a poll as an Excel workbook: a sheet of results (counts and shares per option) and a sheet of
 * every response (time, channel, the options ticked, the free text with ID and phone numbers masked as on screen). It carries no identity of any kind:
 * the platform never had the numbers, and the fingerprint is left out too.
 */
@Component
@Transactional(readOnly = true)
class PollExport {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PollQueries queries;

	PollExport(PollQueries queries) {
		this.queries = queries;
	}

	record File(String name, byte[] bytes) {

		String disposition() {
			return org.gongkai.platform.Downloads.attachment("poll.xlsx", name);
		}
	}

	/** The workbook; 403 unless the current actor may see the poll. */
	File workbook(long pollId) {
		PollQueries.PollView v = queries.staffPoll(pollId);
		List<PollStore.Response> responses = queries.responses(pollId);
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet results = wb.createSheet("统计结果");
			int r = 0;
			row(results, r++, v.poll().title());
			row(results, r++, "调查时间", v.poll().opensOn() + " 至 " + v.poll().closesOn(), "参与人数",
					String.valueOf(v.results().participants()));
			r++;
			int n = 1;
			for (PollResults.QuestionResult qr : v.results().questions()) {
				row(results, r++, n++ + ". " + qr.question().prompt(), qr.question().kind().label(), "作答人数",
						String.valueOf(qr.answered()));
				if (qr.question().kind().choice()) {
					row(results, r++, "选项", "人数", "占参与人数比例");
					for (PollResults.OptionResult o : qr.options()) {
						Row row = results.createRow(r++);
						row.createCell(0).setCellValue(o.label());
						row.createCell(1).setCellValue(o.count());
						row.createCell(2).setCellValue(o.percentText());
					}
				}
				r++;
			}
			results.setColumnWidth(0, 60 * 256);

			Sheet answers = wb.createSheet("全部答卷");
			List<PollQuestion> qs = v.questions();
			Row header = answers.createRow(0);
			header.createCell(0).setCellValue("序号");
			header.createCell(1).setCellValue("提交时间");
			header.createCell(2).setCellValue("渠道");
			for (int i = 0; i < qs.size(); i++) {
				header.createCell(3 + i).setCellValue((i + 1) + ". " + qs.get(i).prompt());
			}
			Map<Long, String> labels = qs.stream()
				.flatMap(q -> q.options().stream())
				.collect(Collectors.toMap(PollOption::id, PollOption::label));
			Map<Long, PollOption> order = qs.stream()
				.flatMap(q -> q.options().stream())
				.collect(Collectors.toMap(PollOption::id, Function.identity()));
			int i = 1;
			for (PollStore.Response resp : responses) {
				Row row = answers.createRow(i);
				row.createCell(0).setCellValue(i);
				row.createCell(1).setCellValue(MINUTES.format(resp.submittedAt().atZone(Zones.CHINA)));
				row.createCell(2).setCellValue("API".equals(resp.channel()) ? "接口" : "网站");
				for (int c = 0; c < qs.size(); c++) {
					PollQuestion q = qs.get(c);
					String value;
					if (q.kind().choice()) {
						value = resp.choices()
							.getOrDefault(q.id(), List.of())
							.stream()
							.sorted((a, b) -> Integer.compare(order.get(a).sortOrder(), order.get(b).sortOrder()))
							.map(labels::get)
							.collect(Collectors.joining("；"));
					}
					else {
						value = org.gongkai.platform.PersonalDataScanner.mask(resp.texts().getOrDefault(q.id(), ""));
					}
					row.createCell(3 + c).setCellValue(value);
				}
				i++;
			}
			wb.write(out);
			return new File(v.poll().title() + "-答卷.xlsx", out.toByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the workbook", e);
		}
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}
}
