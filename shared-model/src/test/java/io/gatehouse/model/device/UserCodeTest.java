package io.gatehouse.model.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserCodeTest {

    @Test
    void generatedCodesAreEightLettersOfTheAlphabetAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = UserCode.generate();
            assertEquals(UserCode.LENGTH, code.length());
            assertTrue(code.chars().allMatch(c -> UserCode.ALPHABET.indexOf(c) >= 0), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 990, "codes are random");
    }

    @Test
    void everyLetterOfTheAlphabetIsUsed() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (char c : UserCode.generate().toCharArray()) {
                used.add(c);
            }
        }
        assertEquals(UserCode.ALPHABET.length(), used.size());
    }

    @Test
    void typedCodeIsComparedCaseInsensitivelyWithoutSeparators() {
        assertEquals(Optional.of("BCDFGHJK"), UserCode.normalize("BCDF-GHJK"));
        assertEquals(Optional.of("BCDFGHJK"), UserCode.normalize(" bcdf ghjk "));
        assertEquals(Optional.of("BCDFGHJK"), UserCode.normalize("bcdfghjk"));
        assertEquals(Optional.of("BCDFGHJK"), UserCode.normalize("BC.DF_GH-JK\t"));
    }

    @Test
    void inputThatCannotBeACodeIsRefused() {
        assertEquals(Optional.empty(), UserCode.normalize(null));
        assertEquals(Optional.empty(), UserCode.normalize(""));
        assertEquals(Optional.empty(), UserCode.normalize("BCDF-GHJ"), "too short");
        assertEquals(Optional.empty(), UserCode.normalize("BCDF-GHJKL"), "too long");
        assertEquals(Optional.empty(), UserCode.normalize("BCDF-GHJA"), "a vowel is not in the alphabet");
        assertEquals(Optional.empty(), UserCode.normalize("BCDF-GHJ0"), "nor a digit");
        assertEquals(Optional.empty(), UserCode.normalize("BCDF-GHJ\u00c9"), "nor a letter outside ASCII");
        assertEquals(Optional.empty(), UserCode.normalize("-".repeat(60) + "BCDFGHJK"), "oversized input");
    }

    @Test
    void codeIsShownInTwoGroups() {
        assertEquals("BCDF-GHJK", UserCode.display("BCDFGHJK"));
        assertNotEquals(UserCode.display(UserCode.generate()).indexOf('-'), -1);
    }
}
