-- tests/bench/post.lua: wrk sends one POST over and over (make bench):
-- BENCH_BODY (application/x-www-form-urlencoded) with the cookies of
-- BENCH_COOKIE. The kiosk answer save: the same answer saved again is an
-- update of the same row, so repeating it is fine.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY") or ""
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") or ""
