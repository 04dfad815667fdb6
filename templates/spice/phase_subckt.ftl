* Level 1 phase macromodel of one STNO. The node voltage th is the phase in turns, in a frame
* rotating at fc (only frequency differences matter; the voltages stay small). The bias current
* enters at `bias` and sets the natural frequency through the device's tuning curve
* f(I) = f0 + nl * (I/ith - 1)/(I/ith + q) above threshold; the mean-field coupling
* k * sum_j sin(th_j - th) = k * (cos th * sums - sin th * sumc) comes in through sums and sumc.
.subckt oscnet_phase th sums sumc bias params: f0=${device.f0} nl=${device.nl} ith=${device.ith} q=${device.q} k=${couplingHz} fc=${centreHz}
vsense bias 0 dc 0
bf 0 th i = { f0 + nl*max(0, (i(vsense)/ith - 1)/(i(vsense)/ith + q)) - fc
+ + k*(cos(2*pi*v(th))*v(sums) - sin(2*pi*v(th))*v(sumc)) }
cth th 0 1 ic=0
.ends oscnet_phase
