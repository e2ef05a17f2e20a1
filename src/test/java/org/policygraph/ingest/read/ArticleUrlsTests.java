package org.policygraph.ingest.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One page, one identity: the spellings of a URL that mean the same page give the same
 * identity; path and query stay as sent.
 */
class ArticleUrlsTests {

	@ParameterizedTest
	@CsvSource(delimiterString = " -> ", textBlock = """
			HTTPS://XayDungDang.ORG.vn/Bai-Viet?ID=12 -> https://xaydungdang.org.vn/Bai-Viet?ID=12
			https://xaydungdang.org.vn:443/bai -> https://xaydungdang.org.vn/bai
			http://xaydungdang.org.vn:80/bai -> http://xaydungdang.org.vn/bai
			https://xaydungdang.org.vn:80/bai -> https://xaydungdang.org.vn:80/bai
			http://xaydungdang.org.vn:8080/bai -> http://xaydungdang.org.vn:8080/bai
			https://xaydungdang.org.vn:/bai -> https://xaydungdang.org.vn/bai
			https://xaydungdang.org.vn/bai#binh-luan -> https://xaydungdang.org.vn/bai
			https://xaydungdang.org.vn/bai?a=1#x -> https://xaydungdang.org.vn/bai?a=1
			https://xaydungdang.org.vn -> https://xaydungdang.org.vn/
			https://xaydungdang.org.vn?a=1 -> https://xaydungdang.org.vn/?a=1
			https://báo.việtnam.vn/bài-viết -> https://xn--bo-mia.xn--vitnam-jk8b.vn/bài-viết
			https://BÁO.việtnam.vn/x -> https://xn--bo-mia.xn--vitnam-jk8b.vn/x
			https://xn--bo-mia.xn--vitnam-jk8b.vn/x -> https://xn--bo-mia.xn--vitnam-jk8b.vn/x
			https://[2001:DB8::1]:443/x -> https://[2001:db8::1]/x
			https://a.vn/%7Ebai/A%2fB?q=Ă&b=2&a=1 -> https://a.vn/%7Ebai/A%2fB?q=Ă&b=2&a=1
			""")
	void shouldGiveTheIdentityForm(String url, String identity) {
		assertThat(ArticleUrls.normalize(url).url()).isEqualTo(identity);
		assertThat(ArticleUrls.normalize(identity).url()).as("idempotent").isEqualTo(identity);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://editor:hunter2@xaydungdang.org.vn/bai", "https://editor@xaydungdang.org.vn/bai",
			"http://:hunter2@xaydungdang.org.vn/", "https://a@b@xaydungdang.org.vn/" })
	void shouldRefuseAUrlWithCredentialsWithoutRepeatingThem(String url) {
		ArticleUrls.Normalized normalized = ArticleUrls.normalize(url);

		assertThat(normalized.url()).isNull();
		assertThat(normalized.problem()).contains("user name or password")
			.doesNotContain("hunter2")
			.doesNotContain("editor");
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "ftp://a.vn/x", "https:/a.vn/x", "https:///x",
			"https://a.vn:99999/x", "https://a.vn:8o/x", "https://[::1/x", "https://a b.vn/x", "https://a_b.vn/x",
			"https://xn--a.vn/x" })
	void shouldRefuseWhatIsNotAnHttpUrl(String url) {
		assertThat(ArticleUrls.normalize(url).url()).as(url).isNull();
	}

}
