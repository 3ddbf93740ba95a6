// S1QL 2.0 filter expressions and PowerQuery pipelines (SentinelOne Singularity Data Lake).
// Spec: ../shared/spec/S1QL-SPEC.md §7. Boolean keywords and operator words are case-insensitive; field names
// keep their case. Strings are single- or double-quoted with backslash escapes (decoded by S1ql2Strings).
// The initial filter is the filter language (comparisons, contains/matches/in/starts_with/ends_with with
// :anycase/:matchcase, `= *`, and/or/not, !, &&, ||, implicit AND by juxtaposition, parentheses, $"regex").
// Stages filter, columns, let, group ... by, sort, limit, nolimit and top take expressions (pexpr: functions,
// arithmetic, comparisons, ?:, the filter language); other commands are recognised by name and kept as text.
grammar S1QL2;

options { caseInsensitive = true; }

@header { package dev.s1ql.parse.gen2; }

powerQuery  : orExpr? stage* EOF ;

stage       : PIPE command ;

command     : FILTER pexpr                                               # filterStage
            | COLUMNS named (COMMA named)*                               # columnsStage
            | LIMIT NUMBER?                                              # limitStage
            | NOLIMIT                                                    # nolimitStage
            | GROUP named (COMMA named)* (BY named (COMMA named)*)?      # groupStage
            | SORT sortKey (COMMA sortKey)*                              # sortStage
            | LET named (COMMA named)*                                   # letStage
            | TOP NUMBER named (BY named (COMMA named)*)?                # topStage
            | cmd=IDENT stageArg*                                        # otherStage
            ;

named       : (name EQ)? pexpr ;
sortKey     : (PLUS | MINUS)? pexpr ;
name        : ident | STRING ;
ident       : IDENT | TOP ;
stageArg    : LPAREN (stageArg | PIPE)* RPAREN
            | ~(PIPE | LPAREN | RPAREN | COMMA)
            | COMMA
            ;

// The initial filter: the S1QL 2.0 filter language.
orExpr      : andExpr ((OR | OROR) andExpr)* ;
andExpr     : notExpr ((AND | ANDAND)? notExpr)* ;
notExpr     : (NOT | BANG) notExpr          # negation
            | LPAREN orExpr RPAREN          # group
            | predicate                     # condition
            ;

predicate   : field cmpOp STAR                              # existsPredicate
            | field cmpOp value                             # comparePredicate
            | field textOp (value | valueList | subquery)   # textPredicate
            | STAR textOp (value | valueList)               # anyFieldPredicate
            | DOLLAR_STRING                                 # messageRegexPredicate
            ;

subquery    : LPAREN orExpr? stage+ RPAREN ;

// Stage expressions (spec §7.2): the filter language plus functions, arithmetic, comparisons of computed
// values, null, and the ternary. Precedence, loosest first: ?:, or, and (also by juxtaposition), not,
// comparisons and text operators, + -, * / %, unary minus, calls and method calls.
pexpr       : por (QUESTION pexpr COLON pexpr)? ;
por         : pand ((OR | OROR) pand)* ;
pand        : pnot ((AND | ANDAND)? pnot)* ;
pnot        : (NOT | BANG) pnot                             # pNegation
            | pcmp                                          # pComparison
            ;
pcmp        : padd (cmpOp (STAR | right=padd) | textOp (value | valueList))? ;
padd        : pmul ((PLUS | MINUS) pmul)* ;
pmul        : punary ((STAR | SLASH | PERCENT) punary)* ;
punary      : MINUS punary                                  # pMinus
            | ppostfix                                      # pPostfix
            ;
ppostfix    : patom (DOT method=IDENT LPAREN args? RPAREN)* ;
patom       : fn=IDENT LPAREN args? RPAREN                  # pCall
            | field                                         # pField
            | literal                                       # pLiteral
            | LPAREN pexpr RPAREN                           # pParens
            | DOLLAR_STRING                                 # pMessageRegex
            ;
args        : pexpr (COMMA pexpr)* (WHERE pexpr)? ;
literal     : STRING | NUMBER | TRUE | FALSE | NULL ;

cmpOp       : EQ | EQEQ | NEQ | LT | GT | LE | GE ;
textOp      : word=(CONTAINS | MATCHES | IN | STARTSWITH | ENDSWITH | STARTS_WITH | ENDS_WITH)
              (COLON modifier=(ANYCASE | MATCHCASE))? ;

field       : ident | SHORTCUT ;
value       : STRING | MINUS? NUMBER | TRUE | FALSE | NULL ;
valueList   : LPAREN value (COMMA value)* RPAREN ;

// ---------------------------------------------------------------- lexer

AND        : 'and' ;
OR         : 'or' ;
NOT        : 'not' ;
CONTAINS   : 'contains' ;
MATCHES    : 'matches' ;
IN         : 'in' ;
STARTSWITH : 'startswith' ;
ENDSWITH   : 'endswith' ;
STARTS_WITH : 'starts_with' ;
ENDS_WITH  : 'ends_with' ;
ANYCASE    : 'anycase' ;
MATCHCASE  : 'matchcase' ;
TRUE       : 'true' ;
FALSE      : 'false' ;
NULL       : 'null' ;
FILTER     : 'filter' ;
COLUMNS    : 'columns' ;
LIMIT      : 'limit' ;
NOLIMIT    : 'nolimit' ;
GROUP      : 'group' ;
BY         : 'by' ;
SORT       : 'sort' ;
LET        : 'let' ;
TOP        : 'top' ;
WHERE      : 'where' ;

ANDAND  : '&&' ;
OROR    : '||' ;
PIPE    : '|' ;
EQEQ    : '==' ;
NEQ     : '!=' ;
LE      : '<=' ;
GE      : '>=' ;
EQ      : '=' ;
LT      : '<' ;
GT      : '>' ;
BANG    : '!' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COMMA   : ',' ;
COLON   : ':' ;
STAR    : '*' ;
PLUS    : '+' ;
MINUS   : '-' ;
SLASH   : '/' ;
PERCENT : '%' ;
QUESTION : '?' ;
DOT     : '.' ;

NUMBER   : [0-9] [0-9_]* ('.' [0-9]+)? ;
SHORTCUT : '#' [a-z] [a-z0-9_]* ;
IDENT    : [a-z_] [a-z0-9_]* ('.' [a-z0-9_]+)* ;
DOLLAR_STRING : '$"' ( '\\' . | ~["\\\r\n] )* '"' ;
STRING   : '\'' ( '\\' . | ~['\\\r\n] )* '\''
         | '"'  ( '\\' . | ~["\\\r\n] )* '"'
         ;
UNTERMINATED_STRING : '\'' ( '\\' . | ~['\\\r\n] )*
                    | '"'  ( '\\' . | ~["\\\r\n] )*
                    ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(2) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(2) ;
WS            : [ \t\r\n\f\u000B\u00A0\uFEFF]+ -> skip ;
ERROR_CHAR    : . ;
