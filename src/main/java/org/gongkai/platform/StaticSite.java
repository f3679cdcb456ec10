package org.gongkai.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The static site folder. Pages are written atomically (temporary file, fsync, rename), so a
 * reader (the app or nginx) never sees half a page. Only public content may be written here.
 */
@Component
public class StaticSite {

	private final Path root;

	private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

	/** Bumped by every write and removal, so that readers holding pages in memory notice at once. */
	public long version() {
		return version.get();
	}

	StaticSite(SiteSettings settings) {
		this.root = settings.staticDir().toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	/** Writes the page for a URL path such as {@code /agencies/x/} (→ {@code agencies/x/index.html}). */
	public void writePage(String urlPath, String html) {
		write(fileFor(urlPath).orElseThrow(() -> new IllegalArgumentException("bad site path " + urlPath)),
				html.getBytes(StandardCharsets.UTF_8));
	}

	public void write(Path file, byte[] content) {
		try {
			Files.createDirectories(file.getParent());
			Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
				ch.write(java.nio.ByteBuffer.wrap(content));
				ch.force(true);
			}
			makeWorldReadable(tmp);
			try {
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
			version.incrementAndGet();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write static page " + file, e);
		}
	}

	/**
	 * Temporary files are created owner-only; a published page must be readable by the web server
	 * (nginx runs as another user), so it gets rw-r--r-- before it is moved into place.
	 */
	private static void makeWorldReadable(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		}
	}

	/** Removes a page and everything below its folder (a withdrawn or abolished item). */
	public void deleteTree(String urlPath) {
		Optional<Path> dir = folderFor(urlPath);
		if (dir.isEmpty() || !Files.exists(dir.get())) {
			return;
		}
		version.incrementAndGet();
		// another writer may add or remove files meanwhile: walk again until the folder is gone
		for (int attempt = 1;; attempt++) {
			try (Stream<Path> walk = Files.walk(dir.get())) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(p);
				}
				return;
			}
			catch (java.nio.file.NoSuchFileException gone) {
				return;
			}
			catch (java.nio.file.DirectoryNotEmptyException busy) {
				if (attempt >= 5) {
					throw new UncheckedIOException(busy);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	/**
	 * The file that serves a URL path, if the path is well-formed and stays inside the site:
	 * {@code /} and {@code /a/} map to {@code index.html}; {@code /feed.atom} maps to itself.
	 */
	public Optional<Path> fileFor(String urlPath) {
		if (urlPath == null || !urlPath.startsWith("/") || urlPath.contains("\\") || urlPath.contains("..")
				|| urlPath.contains("//") || urlPath.indexOf('\0') >= 0) {
			return Optional.empty();
		}
		String relative = urlPath.substring(1);
		if (relative.isEmpty() || relative.endsWith("/")) {
			relative = relative + "index.html";
		}
		Path file = root.resolve(relative).normalize();
		return file.startsWith(root) ? Optional.of(file) : Optional.empty();
	}

	private Optional<Path> folderFor(String urlPath) {
		return fileFor(urlPath.endsWith("/") ? urlPath : urlPath + "/").map(Path::getParent);
	}
}
