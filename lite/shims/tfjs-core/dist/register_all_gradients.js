// Registers every op's gradient: the site's TensorFlow.js script does, on first use (lite/tfjsLoad.ts).
module.exports = require("../../../tfjsLoad").tfjsModule("@tensorflow/tfjs-core/dist/register_all_gradients");
