package org.policygraph.reference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The gazetteers as the application configures them, for slices whose controllers look
 * names up.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ReferenceConfiguration.class)
public class ReferenceBeans {

}
