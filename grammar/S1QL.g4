// S1QL 1.0 (SentinelOne Deep Visibility) grammar.
// Spec: ../shared/spec/S1QL-SPEC.md §2-§5. Keywords and identifiers are case-insensitive; every word of a
// multi-word operator is its own token so any whitespace may separate them. String literals are scanned by
// dev.s1ql.parse.StringLiteralScanner because the §2.5 rule needs look-ahead a regular rule cannot express.
grammar S1QL;

options { caseInsensitive = true; }

// Produced only by StringLiteralScanner, never matched by a rule.
tokens { UNTERMINATED_STRING }

@header { package dev.s1ql.parse.gen; }

@lexer::members {
    /** Channel for `--` line comments, kept so that strict mode can report them. */
    public static final int COMMENTS = 2;

    /** Recovery mode for RegExp values with unescaped quotes, as pySigma writes them (StringLiteralScanner). */
    public boolean lenientQuotes;

    private int lastType = -1;
    private boolean inValueList;

    @Override
    public Token emit() {
        if (_type == STRING) {
            // The lenient reading is only for RegExp patterns, where generators leave quotes unescaped.
            dev.s1ql.parse.StringLiteralScanner.consumeBody(this, inValueList, lenientQuotes && lastType == REGEXP);
        }
        Token t = super.emit();
        if (_channel == DEFAULT_TOKEN_CHANNEL) {
            // A '(' right after In / Contains / AnyCase opens a value list; lists do not nest.
            if (_type == LPAREN) inValueList = lastType == IN || lastType == CONTAINS || lastType == ANYCASE;
            else if (_type == RPAREN) inValueList = false;
            lastType = _type;
        }
        return t;
    }
}

// ---------------------------------------------------------------- parser

query       : orExpr EOF ;
orExpr      : andExpr (OR andExpr)* ;
andExpr     : notExpr (AND notExpr)* ;
notExpr     : NOT notExpr                 # negation
            | primary                     # plain
            ;
primary     : LPAREN orExpr RPAREN        # group
            | predicate                   # condition
            ;

// After the field every decision is LL(1), so a syntax error is found exactly where it is and the set of
// expected tokens at that point is precise (used for the plain-words messages of SyntaxErrorExplainer).
predicate   : field predicateTail ;

predicateTail
            : EXISTS                                   # existsTail
            | IS isTest                                # isTail
            | BETWEEN value AND value                  # betweenTail
            | cmpOp value                              # compareTail
            | stringOp value                           # stringTail
            | NOT? IN CONTAINS? ANYCASE? valueList     # listTail
            ;

isTest      : NOT EMPTY | EMPTY | TRUE | FALSE ;

cmpOp       : EQ | NEQ | LT | GT | LE | GE ;

stringOp    : CONTAINS ANYCASE?
            | CONTAINSCIS
            | DOES NOT (CONTAIN ANYCASE? | CONTAINCIS)
            | STARTSWITH ANYCASE?
            | STARTSWITHCIS
            | ENDSWITH ANYCASE?
            | ENDSWITHCIS
            | REGEXP
            ;

field       : IDENT ;
value       : STRING | NUMBER | TRUE | FALSE ;
valueList   : LPAREN value (COMMA value)* RPAREN ;

// ---------------------------------------------------------------- lexer

AND           : 'and' ;
OR            : 'or' ;
NOT           : 'not' ;
IN            : 'in' ;
CONTAINS      : 'contains' ;
CONTAIN       : 'contain' ;
CONTAINSCIS   : 'containscis' ;
CONTAINCIS    : 'containcis' ;
ANYCASE       : 'anycase' ;
DOES          : 'does' ;
STARTSWITH    : 'startswith' ;
STARTSWITHCIS : 'startswithcis' ;
ENDSWITH      : 'endswith' ;
ENDSWITHCIS   : 'endswithcis' ;
REGEXP        : 'regexp' ;
EXISTS        : 'exists' ;
IS            : 'is' ;
EMPTY         : 'empty' ;
TRUE          : 'true' ;
FALSE         : 'false' ;
BETWEEN       : 'between' ;

NEQ     : '!=' ;
LE      : '<=' ;
GE      : '>=' ;
EQ      : '=' ;
LT      : '<' ;
GT      : '>' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COMMA   : ',' ;

NUMBER  : '-'? [0-9]+ ('.' [0-9]+)? ;
IDENT   : [a-z] [a-z0-9_]* ;

// Only the opening quote is matched here; StringLiteralScanner consumes the rest (spec §2.5) and turns the
// token into UNTERMINATED_STRING when the input ends first.
STRING  : '"' ;

LINE_COMMENT : '--' ~[\r\n]* -> channel(2) ;
WS           : [ \t\r\n\f\u000B\u00A0\uFEFF]+ -> skip ;

// Anything else: reported by the parser with its position instead of failing inside the lexer.
ERROR_CHAR   : . ;
