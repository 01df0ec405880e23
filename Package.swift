// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "infracost",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "infracost", targets: ["infracost"]),
        .library(name: "InfracostKit", targets: ["InfracostKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .target(
            name: "InfracostKit",
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .executableTarget(
            name: "infracost",
            dependencies: [
                "InfracostKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        .testTarget(
            name: "InfracostKitTests",
            dependencies: ["InfracostKit"]
        ),
        .testTarget(
            name: "InfracostCLITests",
            dependencies: ["infracost", "InfracostKit"],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
