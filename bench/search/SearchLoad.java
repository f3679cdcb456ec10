package org.gongkai.bench.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The query mix through the app: {@code GET /api/v1/public/search?<request>} over HTTP/1.1 with keep-alive, from
 * {@code threads} clients in this JVM (on the same cores as the app). Latency is measured around the whole exchange,
 * answer read to its last byte; anything but 200 is an error.
 *
 * <p>{@code java ... org.gongkai.bench.search.SearchLoad <base-url> <threads> <warm-up-s> <measure-s> [requests]}
 */
public final class SearchLoad {

	private SearchLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
			throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1");
		}
		int threads = Integer.parseInt(args[1]);
		double warmup = Double.parseDouble(args[2]);
		double seconds = Double.parseDouble(args[3]);
		int n = args.length > 4 ? Integer.parseInt(args[4]) : 4000;
		List<QueryMix.Request> requests = QueryMix.requests(n);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		LoadDriver.Result result = LoadDriver.run("app HTTP /api/v1/public/search", requests, threads, warmup, seconds,
				request -> {
					HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/public/search?" + request.queryString()))
						.timeout(Duration.ofSeconds(30))
						.GET()
						.build();
					HttpResponse<byte[]> response = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
					if (response.statusCode() != 200) {
						throw new IllegalStateException("status " + response.statusCode() + " "
								+ new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
					}
				});
		System.out.print(result.summary());
	}
}
