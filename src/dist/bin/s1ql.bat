@echo off
rem s1ql launcher of the release archive for Windows: runs lib\s1ql.jar with a Java 17+ runtime (no Maven).
rem Uses %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on PATH; S1QL_JAVA_OPTS is passed to the JVM
rem after the launcher's own options. lib\duckdb_jdbc.jar, when present, serves `eval --engine duckdb` (README).
rem Not run in s1ql's tests (they run on Linux); bin/s1ql is the tested launcher.
setlocal
set "S1QL_HOME=%~dp0.."

if defined JAVA_HOME (
  set "JAVACMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVACMD=java"
)
if defined JAVA_HOME if not exist "%JAVACMD%" (
  echo s1ql: JAVA_HOME is "%JAVA_HOME%", but "%JAVACMD%" does not exist 1>&2
  exit /b 2
)

rem Short runs start faster with the C1-only JIT and the serial collector; eval is faster with the parallel one.
set "JVMOPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
if /i "%~1"=="eval" set "JVMOPTS=-XX:+UseParallelGC"
rem A collector named in S1QL_JAVA_OPTS replaces ours (the JVM refuses two).
if defined S1QL_JAVA_OPTS (
  echo %S1QL_JAVA_OPTS% | findstr /r /c:"-XX:+Use[A-Za-z]*GC" >nul && set "JVMOPTS="
)

"%JAVACMD%" %JVMOPTS% %S1QL_JAVA_OPTS% -cp "%S1QL_HOME%\lib\s1ql.jar;%S1QL_HOME%\lib\duckdb_jdbc.jar" dev.s1ql.cli.Main %*
exit /b %ERRORLEVEL%
