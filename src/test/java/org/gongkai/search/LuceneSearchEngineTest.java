package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.gongkai.platform.SearchEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchEngineTest {

	@TempDir
	Path dir;

	@Test
	void findsAPutEntryByWordAndForgetsItAfterRemove() {
		try (LuceneSearchEngine engine = new LuceneSearchEngine(dir)) {
			engine.put(new SearchEntry("document", 1, 3L, "/d/1/", "关于政务公开工作的通知", "全文", "", LocalDate.of(2024, 1, 2),
					null, "", false));
			PreparedQuery q = new PreparedQuery("政务公开", List.of("政务公开"), List.of());
			assertThat(engine.search(q, SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10).hits())
				.extracting(SearchHit::id).containsExactly(1L);
			engine.remove("document", 1);
			assertThat(engine.search(q, SearchFilter.NONE, SearchOrder.RELEVANCE, 1, 10).total()).isZero();
		}
	}
}
