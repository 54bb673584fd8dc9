-- tests/load/kiosk_save.lua: wrk's POST of a kiosk answer (one save of
-- item 1, a VAS answer) on the tablet that tests/load/kiosk_save.sh set up;
-- the cookie and CSRF token come from the environment (KIOSK_COOKIE,
-- KIOSK_CSRF). Each request is a full save and answers 303 to item 2.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("KIOSK_COOKIE")
local csrf = os.getenv("KIOSK_CSRF")
local n = 0
request = function()
   n = n + 1
   local body = "csrf=" .. csrf .. "&sprak=sv&visad=1&ga=nasta&svar=" .. (n % 101)
   return wrk.format(nil, nil, nil, body)
end
