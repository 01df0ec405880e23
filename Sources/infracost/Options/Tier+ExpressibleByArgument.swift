public import ArgumentParser
public import InfracostKit

extension Tier: ExpressibleByArgument {}
