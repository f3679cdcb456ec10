package org.gongkai.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The default {@link FileStore}: files under {@code <data-dir>/files/yyyy/mm/}, written and fsynced atomically. */
@Component
class LocalFileStore implements FileStore {

	private static final Pattern KEY = Pattern.compile("\\d{4}/\\d{2}/[0-9a-f-]{36}\\.[a-z0-9]{1,8}");

	private final Path root;

	private final java.time.Clock clock;

	LocalFileStore(@Value("${gongkai.files.dir:${gongkai.data-dir:./data}/files}") Path root, java.time.Clock clock) {
		this.root = root.toAbsolutePath().normalize();
		this.clock = clock;
	}

	@Override
	public String put(byte[] content, String fileName) {
		String ext = extension(fileName);
		LocalDate today = LocalDate.now(clock);
		String key = String.format("%04d/%02d/%s.%s", today.getYear(), today.getMonthValue(), UUID.randomUUID(), ext);
		Path target = root.resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".part");
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				ch.write(ByteBuffer.wrap(content));
				ch.force(true);
			}
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot store file", e);
		}
	}

	@Override
	public Optional<byte[]> get(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			return Optional.empty();
		}
		Path file = root.resolve(key);
		try {
			return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void delete(String key) {
		if (key != null && KEY.matcher(key).matches()) {
			try {
				Files.deleteIfExists(root.resolve(key));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private static String extension(String fileName) {
		int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
		String ext = dot < 0 ? "bin" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
		return ext.matches("[a-z0-9]{1,8}") ? ext : "bin";
	}
}
