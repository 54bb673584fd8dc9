#!/bin/sh
# make lint: formatting (clang-format, .clang-format) and banned calls.
set -u
cd "$(dirname "$0")/.."
status=0

# Banned: unbounded string calls, raw XML writing, SQL built from strings.
banned=$(grep -nE '\b(sprintf|vsprintf|strcpy|strcat|gets)\s*\(|xmlTextWriterWriteRaw|mysql_query\s*\(' \
	app/*.c include/*.h tests/unit/*.c tests/fuzz/*.c 2> /dev/null)
if [ -n "$banned" ]; then
	echo "lint: banned calls (use snprintf/buf_*, prepared statements, xmlTextWriterWriteString):"
	echo "$banned"
	status=1
fi
# mysql_real_query only in the administrator's CLIs, on our own literal SQL.
raw=$(grep -ln 'mysql_real_query' app/*.c | grep -v -e '^app/migrate.c$' -e '^app/demo.c$' \
	-e '^app/demo_report_flow.c$')
if [ -n "$raw" ]; then
	echo "lint: mysql_real_query outside app/migrate.c and app/demo.c: $raw"
	status=1
fi

if command -v clang-format > /dev/null 2>&1; then
	if ! clang-format --dry-run -Werror app/*.c include/*.h tests/unit/*.c tests/fuzz/*.c; then
		echo "lint: clang-format differences (run clang-format -i on the files above)"
		status=1
	fi
else
	echo "lint: clang-format not installed (apt-get install clang-format)"
	status=1
fi
[ "$status" -eq 0 ] && echo "lint: ok"
exit "$status"
