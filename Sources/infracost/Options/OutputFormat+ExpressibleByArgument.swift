public import ArgumentParser
public import InfracostKit

extension OutputFormat: ExpressibleByArgument {}
