public import ArgumentParser
public import InfracostKit

extension PricingMode: ExpressibleByArgument {}
