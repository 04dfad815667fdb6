rtl/digits_layered_sine.v
rtl/digits_layered_lfsr.v
rtl/digits_layered_top.v
