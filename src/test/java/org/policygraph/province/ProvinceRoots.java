package org.policygraph.province;

import java.util.List;
import java.util.Optional;

import org.policygraph.graph.Province;
import org.policygraph.reference.ProvinceGazetteer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockReset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The province roots ({@code provinces}, {@code province(name)}) for the controller
 * slices of other packages that map fields under {@code Province}: the real
 * {@link ProvinceController} over a mocked {@link ProvinceQueries} (package-private, so
 * stubbed through this bean) and the real gazetteer. Import it into the slice and
 * autowire it; the graph lookups the controller also needs are the test's
 * {@code @MockitoBean}. The mock is reset after each test.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProvinceController.class)
public class ProvinceRoots {

	private final ProvinceQueries queries = mock(ProvinceQueries.class, MockReset.withSettings(MockReset.AFTER));

	@Bean
	ProvinceQueries provinceRootQueries() {
		return this.queries;
	}

	@Bean
	ProvinceGazetteer provinceGazetteer() {
		return ProvinceGazetteer.load();
	}

	/**
	 * {@code provinces} (whatever its arguments) answers these provinces, in this order.
	 * @param provinces the provinces
	 */
	public void willList(Province... provinces) {
		given(this.queries.all(any(), any(), any())).willReturn(List.of(provinces));
	}

	/**
	 * {@code province(name)} answers this province for a name the gazetteer resolves to
	 * its key.
	 * @param province the province
	 */
	public void willFind(Province province) {
		given(this.queries.byKey(province.key())).willReturn(Optional.of(province));
	}

}
