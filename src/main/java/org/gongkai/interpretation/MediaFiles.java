package org.gongkai.interpretation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gongkai.platform.InvalidInputException;

/** Checks an interpretation's file: a kind that fits, an allowed type, contents that match the extension. */
final class MediaFiles {

	/** Video and audio are usually hosted elsewhere; an upload is kept to a size the portal can serve. */
	static final long MAX_BYTES = 50L * 1024 * 1024;

	private static final Map<MediaKind, Set<String>> EXTENSIONS = Map.of(MediaKind.IMAGE, Set.of("png", "jpg", "jpeg", "gif"),
			MediaKind.VIDEO, Set.of("mp4", "webm"), MediaKind.AUDIO, Set.of("mp3", "m4a"), MediaKind.CAPTIONS, Set.of("vtt"));

	private MediaFiles() {
	}

	/** The content type of a valid file; 400 with a Chinese message otherwise. */
	static String verify(MediaKind kind, String fileName, byte[] content) {
		if (fileName == null || fileName.isBlank() || content == null) {
			throw InvalidInputException.of("file", "请选择要上传的文件");
		}
		if (fileName.length() > 200) {
			throw InvalidInputException.of("file", "文件名不能超过200字");
		}
		if (content.length == 0) {
			throw InvalidInputException.of("file", "“" + fileName + "”是空文件");
		}
		if (content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "“" + fileName + "”超过" + MAX_BYTES / 1024 / 1024 + "MB；较大的视频请填写播放地址");
		}
		String ext = extension(fileName);
		if (!EXTENSIONS.get(kind).contains(ext)) {
			throw InvalidInputException.of("file", kind.label() + "只能上传 " + String.join("、", EXTENSIONS.get(kind).stream().sorted().toList())
					+ " 格式，“." + ext + "”不支持");
		}
		String type = switch (ext) {
			case "png" -> matches(content, 0, 0x89, 'P', 'N', 'G') ? "image/png" : null;
			case "jpg", "jpeg" -> matches(content, 0, 0xFF, 0xD8, 0xFF) ? "image/jpeg" : null;
			case "gif" -> matches(content, 0, 'G', 'I', 'F', '8') ? "image/gif" : null;
			case "mp4" -> matches(content, 4, 'f', 't', 'y', 'p') ? "video/mp4" : null;
			case "m4a" -> matches(content, 4, 'f', 't', 'y', 'p') ? "audio/mp4" : null;
			case "webm" -> matches(content, 0, 0x1A, 0x45, 0xDF, 0xA3) ? "video/webm" : null;
			case "mp3" -> matches(content, 0, 'I', 'D', '3') || matches(content, 0, 0xFF) ? "audio/mpeg" : null;
			case "vtt" -> new String(Arrays.copyOf(content, Math.min(content.length, 10)), StandardCharsets.UTF_8)
				.replace("\uFEFF", "")
				.startsWith("WEBVTT") ? "text/vtt" : null;
			default -> null;
		};
		if (type == null) {
			throw InvalidInputException.of("file", "“" + fileName + "”的内容与扩展名不符，请检查文件是否损坏或被改名");
		}
		return type;
	}

	private static boolean matches(byte[] content, int offset, int... expected) {
		if (content.length < offset + expected.length) {
			return false;
		}
		for (int n = 0; n < expected.length; n++) {
			if ((content[offset + n] & 0xFF) != expected[n]) {
				return false;
			}
		}
		return true;
	}

	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
