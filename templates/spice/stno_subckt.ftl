* Level 2: one STNO in the universal auto-oscillator model, in the laboratory frame.
* Node voltages re, im are the complex amplitude c (power p = |c|^2):
*   dc/dt = -i 2pi (f0 + nl p) c - 2pi gd ((1 + q p) - (I/ith) (1 - p)) c + injection
* The outputs outre, outim are c/|c| (limiting buffers); the in-phase and quadrature resistive
* buses sumre, sumim average the outputs of all n oscillators. Each STNO injects the sum of the
* others' outputs, n * bus - own, scaled by its amplitude (gain control) and turned by the
* phase shifter beta = atan(nu), nu = nl / (gd (q + I/ith)): the nonlinear phase shift of the
* device at its bias. With strength 2pi k cos(beta), the phase-reduced model is Kuramoto with
* coupling k. The node ph integrates the instantaneous frequency minus fc (turns), for read-out.
.subckt oscnet_stno re im ph bias sumre sumim outre outim params: f0=${device.f0} nl=${device.nl} ith=${device.ith} q=${device.q} gd=${device.gd} k=${couplingHz} n=${oscillators} fc=${centreHz}
vsense bias 0 dc 0
bz z 0 v = { i(vsense)/ith }
bp p 0 v = { max(v(re)*v(re) + v(im)*v(im), 1e-12) }
bb beta 0 v = { atan(nl/(gd*(q + v(z)))) }
bir inr 0 v = { n*v(sumre) - v(outre) }
bii ini 0 v = { n*v(sumim) - v(outim) }
bdre dre 0 v = { 2*pi*((f0 + nl*v(p))*v(im) - gd*((1 + q*v(p)) - v(z)*(1 - v(p)))*v(re))
+ + 2*pi*k*cos(v(beta))*sqrt(max(v(p), 1e-12))*(cos(v(beta))*v(inr) - sin(v(beta))*v(ini)) }
bdim dim 0 v = { 2*pi*(-(f0 + nl*v(p))*v(re) - gd*((1 + q*v(p)) - v(z)*(1 - v(p)))*v(im))
+ + 2*pi*k*cos(v(beta))*sqrt(max(v(p), 1e-12))*(sin(v(beta))*v(inr) + cos(v(beta))*v(ini)) }
bre 0 re i = { v(dre) }
cre re 0 1 ic=0
bim 0 im i = { v(dim) }
cim im 0 1 ic=0
bph 0 ph i = { (v(im)*v(dre) - v(re)*v(dim))/(2*pi*max(v(p), 1e-12)) - fc }
cph ph 0 1 ic=0
eor outre 0 vol = { v(re)/sqrt(max(v(p), 1e-12)) }
eoi outim 0 vol = { v(im)/sqrt(max(v(p), 1e-12)) }
.ends oscnet_stno
