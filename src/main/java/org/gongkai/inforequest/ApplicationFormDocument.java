package org.gongkai.inforequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.DisclosureOffice;

/**
 * The blank application form (政府信息公开申请表) for applying in person, by post or by fax: the content of
 * 条例 Art. 29 as a table to fill in, with where to send it. Generated as Word so that it can be typed or printed.
 */
final class ApplicationFormDocument {

	private ApplicationFormDocument() {
	}

	static byte[] word(Agency agency, DisclosureOffice office) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			paragraph(doc, agency.name() + "政府信息公开申请表", 18, true, ParagraphAlignment.CENTER);
			paragraph(doc, "（依据《中华人民共和国政府信息公开条例》第二十九条）", 11, false, ParagraphAlignment.CENTER);
			String[][] rows = { { "申请人类型", "□自然人　□商业企业　□科研机构　□社会公益组织　□法律服务机构　□其他" },
					{ "姓名或者名称", "" }, { "身份证明类型及号码", "□居民身份证　□统一社会信用代码　□其他：　　　　号码：" },
					{ "联系人（法人或者其他组织填写）", "" }, { "联系电话", "" }, { "电子邮箱", "" }, { "通信地址及邮政编码", "" },
					{ "所需政府信息的名称、文号或者便于查询的其他特征性描述", "\n\n\n" },
					{ "信息的提供形式", "□纸质文本　□电子邮件　□光盘　□移动存储介质　□查阅、抄录" },
					{ "获取信息的方式", "□当面领取　□邮寄　□传真　□网上获取" }, { "申请人签名或者盖章", "" }, { "申请日期", "　　年　　月　　日" } };
			XWPFTable table = doc.createTable(rows.length, 2);
			table.setWidth("100%");
			for (int i = 0; i < rows.length; i++) {
				XWPFTableRow row = table.getRow(i);
				cell(row, 0, rows[i][0], true);
				cell(row, 1, rows[i][1], false);
			}
			paragraph(doc, "", 11, false, ParagraphAlignment.LEFT);
			paragraph(doc, "请附身份证明复印件。申请表可以当面提交，或者邮寄、传真至" + agency.name() + "政府信息公开工作机构"
					+ (office == null ? "。" : "：" + join(office.address(), office.postcode() == null ? null : "邮编" + office.postcode(),
							office.phone() == null ? null : "电话" + office.phone(), office.fax() == null ? null : "传真" + office.fax()) + "。"),
					11, false, ParagraphAlignment.LEFT);
			paragraph(doc, "也可以在网上提出申请：" + "/agencies/" + agency.code() + "/apply/", 11, false, ParagraphAlignment.LEFT);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot write the application form", e);
		}
	}

	private static String join(String... parts) {
		StringBuilder sb = new StringBuilder();
		for (String p : parts) {
			if (p != null && !p.isBlank()) {
				sb.append(sb.isEmpty() ? "" : "，").append(p);
			}
		}
		return sb.toString();
	}

	private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
		var cell = row.getCell(column);
		cell.removeParagraph(0);
		String[] lines = text.split("\n", -1);
		for (String line : lines) {
			XWPFRun run = cell.addParagraph().createRun();
			run.setFontFamily("宋体");
			run.setFontSize(12);
			run.setBold(bold);
			run.setText(line);
		}
	}

	private static void paragraph(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment alignment) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(alignment);
		XWPFRun run = p.createRun();
		run.setFontFamily("宋体");
		run.setFontSize(size);
		run.setBold(bold);
		run.setText(text);
	}
}
