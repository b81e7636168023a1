package io.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WildcardPermissionTest {

    @ParameterizedTest(name = "{0} implies {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "*                       | properties:read        | true",
            "*                       | anything:at:all        | true",
            "properties:*            | properties:read        | true",
            "properties:*            | properties:write:42    | true",
            "properties              | properties:read:42     | true",
            "properties:read         | properties:read        | true",
            "properties:read         | properties:write       | false",
            "properties:read         | properties:read:42     | true",
            "properties:read:42      | properties:read        | false",
            "properties:read:42      | properties:read:43     | false",
            "properties:read,write   | properties:write       | true",
            "properties:read,write   | properties:read,write  | true",
            "properties:read         | properties:read,write  | false",
            "properties:*:*          | properties             | true",
            "properties:read:*       | properties:read        | true",
            "properties:read         | users:read             | false",
            "users:*                 | properties:read        | false",
            "Properties:READ         | properties:read        | true",
    })
    void impliesFollowsShiroSemantics(String granted, String required, boolean expected) {
        assertThat(WildcardPermission.parse(granted).implies(WildcardPermission.parse(required))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "properties::read", "properties:", ":read", "properties:read,"})
    void parseWhenBlankOrEmptyPartThenRejects(String text) {
        assertThatThrownBy(() -> WildcardPermission.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
