import { suite } from '../vitest.shared.mjs';

export default suite({ dom: false });
