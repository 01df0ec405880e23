public import ArgumentParser
public import InfracostKit

extension EndpointConfiguration.Distribution: ExpressibleByArgument {}
