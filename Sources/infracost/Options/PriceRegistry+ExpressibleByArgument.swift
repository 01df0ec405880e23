public import ArgumentParser
public import InfracostKit

extension PriceRegistry: ExpressibleByArgument {}
