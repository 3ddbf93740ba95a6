// What the parser knew at the first syntax error: the offending token and the token types it expected there.
package dev.s1ql.parse;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

record SyntaxFailure(Token offending, IntervalSet expected) {
}
