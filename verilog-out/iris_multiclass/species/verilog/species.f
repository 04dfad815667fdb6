rtl/species_sine.v
rtl/species_encoder.v
rtl/species_lane.v
rtl/species_lfsr.v
rtl/species_controller.v
rtl/species_decision.v
rtl/species_top.v
