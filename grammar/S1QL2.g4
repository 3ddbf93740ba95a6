// S1QL 2.0 filter expressions and PowerQuery pipelines (SentinelOne Singularity Data Lake).
// Spec: ../shared/spec/S1QL-SPEC.md §7. Boolean keywords and operator words are case-insensitive; field names
// keep their case. Strings are single- or double-quoted with backslash escapes (decoded by S1ql2Strings).
// Supported: the filter language (comparisons, contains/matches/in with :anycase/:matchcase, `= *`, and/or/not,
// !, &&, ||, implicit AND by juxtaposition, parentheses) and the pipeline stages filter, columns, limit,
// nolimit, group ... by, sort and let; other commands are recognised by name and kept as text.
grammar S1QL2;

options { caseInsensitive = true; }

@header { package dev.s1ql.parse.gen2; }

powerQuery  : orExpr? stage* EOF ;

stage       : PIPE command ;

command     : FILTER orExpr                                              # filterStage
            | COLUMNS column (COMMA column)*                             # columnsStage
            | LIMIT NUMBER?                                              # limitStage
            | NOLIMIT                                                    # nolimitStage
            | GROUP aggregate (COMMA aggregate)* (BY field (COMMA field)*)?   # groupStage
            | SORT sortKey (COMMA sortKey)*                              # sortStage
            | LET assignment (COMMA assignment)*                         # letStage
            | cmd=IDENT stageArg*                                        # otherStage
            ;

column      : (outName=name EQ)? field ;
aggregate   : (outName=name EQ)? fn=IDENT LPAREN field? RPAREN ;
sortKey     : (PLUS | MINUS)? field ;
assignment  : name EQ stageArg+ ;
name        : IDENT | STRING ;
stageArg    : LPAREN (stageArg | PIPE)* RPAREN
            | ~(PIPE | LPAREN | RPAREN | COMMA)
            | COMMA
            ;

orExpr      : andExpr ((OR | OROR) andExpr)* ;
andExpr     : notExpr ((AND | ANDAND)? notExpr)* ;
notExpr     : (NOT | BANG) notExpr          # negation
            | LPAREN orExpr RPAREN          # group
            | predicate                     # condition
            ;

predicate   : field cmpOp STAR                              # existsPredicate
            | field cmpOp value                             # comparePredicate
            | field textOp (value | valueList)              # textPredicate
            | STAR textOp (value | valueList)               # anyFieldPredicate
            ;

cmpOp       : EQ | EQEQ | NEQ | LT | GT | LE | GE ;
textOp      : word=(CONTAINS | MATCHES | IN | STARTSWITH | ENDSWITH) (COLON modifier=(ANYCASE | MATCHCASE))? ;

field       : IDENT | SHORTCUT ;
value       : STRING | NUMBER | TRUE | FALSE | NULL ;
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

NUMBER   : '-'? [0-9] [0-9_]* ('.' [0-9]+)? ;
SHORTCUT : '#' [a-z] [a-z0-9_]* ;
IDENT    : [a-z_] [a-z0-9_]* ('.' [a-z0-9_]+)* ;
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
