<#-- Reading and writing bit fields of Verilator signals, scalar or wide; included by every harness. -->
// Bits [lsb, lsb + width) of a Verilator signal: scalar types and VlWide alike.
template <std::size_t Words>
uint64_t field(const VlWide<Words>& wide, int lsb, int width) {
    uint64_t value = 0;
    for (int b = 0; b < width; ++b) {
        int bit = lsb + b;
        value |= static_cast<uint64_t>((wide[bit / 32] >> (bit % 32)) & 1U) << b;
    }
    return value;
}
template <typename T, typename = std::enable_if_t<std::is_integral<T>::value>>
uint64_t field(T scalar, int lsb, int width) {
    uint64_t mask = width >= 64 ? ~0ULL : ((1ULL << width) - 1);
    return (static_cast<uint64_t>(scalar) >> lsb) & mask;
}

template <std::size_t Words>
void put(VlWide<Words>& wide, int lsb, int width, uint64_t value) {
    for (int b = 0; b < width; ++b) {
        int bit = lsb + b;
        uint32_t mask = 1U << (bit % 32);
        if ((value >> b) & 1U) wide[bit / 32] |= mask; else wide[bit / 32] &= ~mask;
    }
}
template <typename T, typename = std::enable_if_t<std::is_integral<T>::value>>
void put(T& scalar, int lsb, int width, uint64_t value) {
    uint64_t mask = (width >= 64 ? ~0ULL : ((1ULL << width) - 1)) << lsb;
    scalar = static_cast<T>((static_cast<uint64_t>(scalar) & ~mask) | ((value << lsb) & mask));
}
