-- GET with the bearer token given in the BEARER environment variable.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BEARER")
