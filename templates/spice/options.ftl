.options interp reltol=1e-4 method=trap
