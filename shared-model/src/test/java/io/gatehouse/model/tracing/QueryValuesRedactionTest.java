package io.gatehouse.model.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueryValuesRedactionTest {

    @Test
    void valuesGoNamesStay() {
        assertEquals("id_token_hint&post_logout_redirect_uri&state",
                QueryValuesRedaction.parameterNames("id_token_hint=eyJ.x.y&post_logout_redirect_uri=https%3A%2F%2Frp&state=s"));
    }

    @Test
    void emptyAndValuelessParametersAndFragments() {
        assertEquals("a&b", QueryValuesRedaction.parameterNames("a&&b=#frag=secret"));
        assertEquals("", QueryValuesRedaction.parameterNames("=secret"));
        assertEquals("", QueryValuesRedaction.parameterNames(""));
    }
}
