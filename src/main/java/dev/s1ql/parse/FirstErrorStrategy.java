// ANTLR error strategy that records the first syntax error with the expected-token set and stops the parse,
// so users get one error per problem instead of a cascade from error recovery.
package dev.s1ql.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

final class FirstErrorStrategy extends DefaultErrorStrategy {

    private SyntaxFailure failure;

    SyntaxFailure failure() {
        return failure;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (failure != null) return;
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        IntervalSet expected;
        try {
            expected = recognizer.getExpectedTokens();
        } catch (IllegalArgumentException ex) {
            expected = e.getExpectedTokens() != null ? e.getExpectedTokens() : new IntervalSet();
        }
        failure = new SyntaxFailure(offending, expected);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        InputMismatchException e = new InputMismatchException(recognizer);
        reportError(recognizer, e);
        throw new ParseCancellationException(e);
    }

    @Override
    public void sync(Parser recognizer) {
        // No single-token deletion or resynchronisation: the first error ends the parse.
    }
}
