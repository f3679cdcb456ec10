package org.gongkai.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real single-node OpenSearch for tests, started from the artifacts Maven copied from Central into
 * {@code target/opensearch} (see the maven-dependency-plugin execution {@code opensearch-test-server}): the
 * integ-test zip of the server and the {@code analysis-common} plugin jar, which this class installs as a module so
 * that the {@code cjk} analysis chain exists. Nothing is downloaded here.
 *
 * <p>The distribution is unpacked once (a marker file records it); every start gets a fresh run directory with its
 * own config, data and logs, random free ports on 127.0.0.1, a 512 MB heap and single-node discovery. OpenSearch
 * refuses to run as root, so as root the files are given to {@code nobody} (65534) and the server runs under
 * {@code setpriv}.
 */
final class OpenSearchTestServer implements AutoCloseable {

	static final String SKIP = "skip";

	private static final int NOBODY = 65534;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Path home;

	private final Path run;

	private final int httpPort;

	private final int transportPort;

	private final String externalUrl;

	private Process process;

	private OpenSearchTestServer(Path home, Path run) throws IOException {
		this.home = home;
		this.run = run;
		this.httpPort = freePort();
		this.transportPort = freePort();
		this.externalUrl = null;
	}

	private OpenSearchTestServer(String externalUrl) {
		this.home = null;
		this.run = null;
		this.httpPort = -1;
		this.transportPort = -1;
		this.externalUrl = externalUrl;
	}

	/** True when {@code GONGKAI_OPENSEARCH_TESTS=skip} is set as an environment variable or a system property. */
	static boolean skipped() {
		return SKIP.equalsIgnoreCase(System.getenv("GONGKAI_OPENSEARCH_TESTS"))
				|| SKIP.equalsIgnoreCase(System.getProperty("GONGKAI_OPENSEARCH_TESTS"));
	}

	/**
	 * Unpacks (once) and starts a server, waiting until it is yellow or green; fails with the log tail otherwise.
	 * With the system property {@code gongkai.opensearch.url} set, uses that running server instead.
	 */
	static OpenSearchTestServer start() {
		String external = System.getProperty("gongkai.opensearch.url", "");
		if (!external.isBlank()) {
			return new OpenSearchTestServer(external);
		}
		try {
			Path dist = Paths.get(System.getProperty("gongkai.opensearch.dist", "target/opensearch")).toAbsolutePath();
			String version = System.getProperty("gongkai.opensearch.version", "2.19.6");
			Path home = unpack(dist, version);
			Path run = dist.resolve("run-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis());
			OpenSearchTestServer server = new OpenSearchTestServer(home, run);
			server.configure();
			server.launch();
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String url() {
		return externalUrl != null ? externalUrl : "http://127.0.0.1:" + httpPort;
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!waitFor(process, 30)) {
				process.destroyForcibly();
				waitFor(process, 10);
			}
		}
		if (run != null) {
			deleteTree(run);
		}
	}

	// ---------------------------------------------------------------- set-up

	private static synchronized Path unpack(Path dist, String version) throws IOException {
		Path zip = dist.resolve("opensearch-" + version + ".zip");
		Path plugin = dist.resolve("analysis-common-" + version + ".jar");
		if (!Files.isRegularFile(zip) || !Files.isRegularFile(plugin)) {
			throw new IllegalStateException("The OpenSearch test artifacts are missing from " + dist
					+ "; run the tests through Maven (./mvnw test), whose generate-test-resources phase copies them"
					+ " from Maven Central");
		}
		Path home = dist.resolve("opensearch-" + version);
		Path marker = home.resolve(".gongkai-unpacked");
		if (Files.exists(marker)) {
			return home;
		}
		deleteTree(home);
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
				Path target = dist.resolve(entry.getName()).normalize();
				if (!target.startsWith(dist)) {
					throw new IOException("Bad zip entry " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = archive.getInputStream(entry)) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
				if (target.getParent().getFileName().toString().equals("bin")) {
					Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
			}
		}
		// The integ-test zip has only transport-netty4; the cjk analyzer lives in the analysis-common module.
		Path module = home.resolve("modules/analysis-common");
		Files.createDirectories(module);
		Files.copy(plugin, module.resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		Files.writeString(module.resolve("plugin-descriptor.properties"), String.join("\n",
				"description=Adds analysis components (cjk and others); installed by the Gongkai tests",
				"version=" + version, "name=analysis-common",
				"classname=org.opensearch.analysis.common.CommonAnalysisPlugin", "java.version=11",
				"opensearch.version=" + version, "custom.foldername=", "extended.plugins=",
				"has.native.controller=false", ""));
		Files.createFile(marker);
		return home;
	}

	private void configure() throws IOException {
		Path config = run.resolve("config");
		Files.createDirectories(config);
		for (String file : List.of("jvm.options", "log4j2.properties")) {
			Files.copy(home.resolve("config").resolve(file), config.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		Files.createDirectories(config.resolve("jvm.options.d"));
		Files.createDirectories(run.resolve("data"));
		Files.createDirectories(run.resolve("logs"));
		Files.createDirectories(run.resolve("tmp"));
		Files.writeString(config.resolve("opensearch.yml"), String.join("\n", "cluster.name: gongkai-test",
				"node.name: gongkai-test-node", "path.data: " + run.resolve("data"), "path.logs: " + run.resolve("logs"),
				"network.host: 127.0.0.1", "http.port: " + httpPort, "transport.port: " + transportPort,
				"discovery.type: single-node", "cluster.routing.allocation.disk.threshold_enabled: false", ""));
		if (isRoot()) {
			exec("chown", "-R", NOBODY + ":" + NOBODY, home.toString(), run.toString());
		}
	}

	private void launch() throws IOException {
		List<String> command = new ArrayList<>();
		if (isRoot()) {
			command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
		}
		command.add(home.resolve("bin/opensearch").toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve("console.log").toFile()));
		Map<String, String> env = builder.environment();
		env.remove("JAVA_TOOL_OPTIONS");
		env.remove("JAVA_OPTS");
		env.put("OPENSEARCH_JAVA_HOME", javaHome());
		env.put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
		env.put("OPENSEARCH_PATH_CONF", run.resolve("config").toString());
		env.put("OPENSEARCH_TMPDIR", run.resolve("tmp").toString());
		process = builder.start();
		awaitHealthy();
	}

	/** OpenSearch 2.x needs the Security Manager, which Java 24 removed: use this JVM if older, else a 17 or 21. */
	private static String javaHome() {
		String configured = System.getenv("GONGKAI_OPENSEARCH_JAVA_HOME");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (Runtime.version().feature() < 24) {
			return System.getProperty("java.home");
		}
		try (Stream<Path> jvms = Files.list(Paths.get("/usr/lib/jvm"))) {
			return jvms.filter(p -> p.getFileName().toString().matches(".*-(17|21)-.*|.*-1\\.(17|21)\\..*"))
				.filter(p -> Files.isExecutable(p.resolve("bin/java")))
				.map(Path::toString)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("OpenSearch 2.x needs Java 17 or 21; set "
						+ "GONGKAI_OPENSEARCH_JAVA_HOME"));
		}
		catch (IOException e) {
			throw new IllegalStateException("OpenSearch 2.x needs Java 17 or 21; set GONGKAI_OPENSEARCH_JAVA_HOME", e);
		}
	}

	private void awaitHealthy() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("OpenSearch exited with " + process.exitValue() + " while starting\n"
						+ logTail());
			}
			try {
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				last = response.statusCode() + " " + response.body();
				if (response.statusCode() == 200
						&& (response.body().contains("\"green\"") || response.body().contains("\"yellow\""))) {
					return;
				}
			}
			catch (IOException e) {
				last = e.toString();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
			}
			sleep(250);
		}
		String tail = logTail();
		close();
		throw new IllegalStateException(
				"OpenSearch did not become healthy within " + START_TIMEOUT + " (last: " + last + ")\n" + tail);
	}

	/** The last lines of the server's console output, for failure messages. */
	String logTail() {
		try {
			List<String> lines = Files.readAllLines(run.resolve("console.log"), StandardCharsets.UTF_8);
			return "---- OpenSearch console (last 60 lines) ----\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException e) {
			return "(no OpenSearch console log: " + e + ")";
		}
	}

	// ---------------------------------------------------------------- helpers

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static void exec(String... command) throws IOException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!waitFor(p, 60) || p.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + output);
		}
	}

	private static boolean waitFor(Process p, int seconds) {
		try {
			return p.waitFor(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// best effort: a leftover run directory in target/ is harmless
		}
	}
}
